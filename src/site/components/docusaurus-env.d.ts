/// <reference types="@docusaurus/module-type-aliases" />
// Types of the site's webpack aliases and asset imports (`*.module.css`, `@theme/*`, `@site/*`).

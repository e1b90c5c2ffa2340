import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import type { ReactNode } from 'react';

/** The 404 page (swizzled from the classic theme): says what happened and links back to the runbook. */
export default function NotFoundContent({ className }: { className?: string }): ReactNode {
  return (
    <main className={`container margin-vert--xl ${className ?? ''}`}>
      <div className="row">
        <div className="col col--6 col--offset-3">
          <Heading as="h1" className="hero__title">
            Page not found
          </Heading>
          <p>There is no page at this address. It may have moved, or a step's link may be older than the runbook.</p>
          <ul>
            <li>
              <Link to="/runbook">Open the runbook</Link>: every scenario, with the latest results first.
            </li>
            <li>
              <Link to="/results">Latest results</Link> across scenarios and environments.
            </li>
            <li>
              <Link to="/">Getting started</Link>, or search with the box at the top.
            </li>
          </ul>
        </div>
      </div>
    </main>
  );
}

import type { ReactNode } from 'react';
import type { LinkView } from '../step-view';
import styles from './runbook-step.module.css';

/**
 * A run's console links, always unfolded: links to the consoles the environment names; the others as
 * text with their address; a sandbox run's by name only (no real console stands behind them).
 */
export default function ConsoleLinks({ links, sandbox }: { links: readonly LinkView[]; sandbox: boolean }): ReactNode {
  if (links.length === 0) return null;
  const why = sandbox ? 'sandbox run: no real console' : 'not linked: not a console this environment names';
  return (
    <ul className={styles.links}>
      {links.map((link) => (
        <li key={link.url}>
          {link.clickable ? (
            <a href={link.url} target="_blank" rel="noopener noreferrer">
              {link.label}
            </a>
          ) : (
            <span title={why}>
              {link.label} <span className={styles.linkText}>({why}{sandbox ? '' : `: ${link.url}`})</span>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

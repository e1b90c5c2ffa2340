import { useState, type ReactNode } from 'react';
import styles from './runbook-step.module.css';

/** A command in a code element with a button that copies it to the clipboard; `label` names its use. */
export default function CopyCommand({ command, label }: { command: string; label?: string }): ReactNode {
  const [copied, setCopied] = useState(false);
  const copy = (): void => {
    void navigator.clipboard?.writeText(command).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  };
  return (
    <span className={styles.command}>
      {label && <span className={styles.commandLabel}>{label}</span>}
      <code>{command}</code>
      <button type="button" className={styles.copy} onClick={copy} aria-label={`Copy "${command}"`} title="Copy">
        {copied ? 'copied' : 'copy'}
      </button>
    </span>
  );
}

import type { Step, StepState } from './deployment-rules';

const WORDS: Record<StepState, string> = {
  done: 'done',
  current: 'in progress',
  failed: 'failed',
  upcoming: 'not started',
  skipped: 'skipped (prebuilt image)',
};

/** The phases as a stepper: each step says its state in words, the current one is marked for assistive tech. */
export function DeploymentProgress({ steps, caption }: { steps: Step[]; caption: string }) {
  return (
    <figure className="deploy-progress">
      <figcaption className="deploy-progress-caption">{caption}</figcaption>
      <ol className="stepper" aria-label="Deployment progress">
        {steps.map((step, i) => (
          <li
            key={step.phase}
            className={`step step-${step.state}`}
            aria-current={step.state === 'current' || step.state === 'failed' ? 'step' : undefined}
          >
            <span className="step-dot" aria-hidden="true">
              {step.state === 'done' ? '✓' : step.state === 'failed' ? '✕' : step.state === 'skipped' ? '–' : i + 1}
            </span>
            <span className="step-text">
              <span className="step-label">{step.label}</span>
              <span className="step-state">{WORDS[step.state]}</span>
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

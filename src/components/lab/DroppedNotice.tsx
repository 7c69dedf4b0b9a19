/** After a reload: what the saved lab held but could not be restored, until the learner dismisses it. */
import { useSaveStatus } from '../../state/save-status';

export function DroppedNotice() {
  const dropped = useSaveStatus((s) => s.dropped);
  if (dropped.length === 0) return null;
  return (
    <div className="dropped-notice" role="alert">
      <p>Some of the saved lab could not be restored, and was left out:</p>
      <ul>
        {dropped.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <button type="button" onClick={() => useSaveStatus.getState().dismissDropped()}>
        Dismiss
      </button>
    </div>
  );
}

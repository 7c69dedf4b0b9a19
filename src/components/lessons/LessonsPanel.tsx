/** The lessons area: step-by-step lessons that check each step against the cluster (coming with the lessons work). */
export function LessonsPanel() {
  return (
    <div className="placeholder">
      <p>Lessons will guide you step by step, checking each step against this cluster as you go.</p>
      <p>Meanwhile, try the terminal: <code>kubectl get nodes</code>, <code>kubectl get pods -A</code>.</p>
      <p lang="ko">레슨은 클러스터 상태를 확인하며 한 단계씩 안내합니다.</p>
    </div>
  );
}

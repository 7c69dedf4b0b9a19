/** The editor area. A YAML editor with schema completion and an Apply button arrives with the UI work; for now it explains itself. */
export function EditorPanel() {
  return (
    <div className="placeholder">
      <p>
        Manifests you write with <code>vi nginx-pod.yaml</code> will open here, with Kubernetes schema completion and an <strong>Apply</strong> button.
      </p>
      <p lang="ko">터미널에서 <code>vi</code>로 연 매니페스트가 이곳에 열립니다.</p>
    </div>
  );
}

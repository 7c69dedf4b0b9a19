cat <<'EOF' > job-success-policy.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: job-success
spec:
  parallelism: 10
  completions: 10
  completionMode: Indexed
  successPolicy:
    rules:
      - succeededIndexes: 0,2-3
        succeededCount: 1
  template:
    spec:
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "if [ \"$JOB_COMPLETION_INDEX\" = 2 ]; then sleep 5; exit 0; else sleep 60; exit 1; fi"]
      restartPolicy: Never
EOF
kubectl apply -f job-success-policy.yaml
sleep 8
kubectl get job job-success
kubectl get pods | head -4
sleep 35
kubectl get job job-success
kubectl get job job-success -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\n"}{end}{.status.completedIndexes} succeeded={.status.succeeded} failed={.status.failed}{"\n"}'
kubectl describe job job-success | tail -4

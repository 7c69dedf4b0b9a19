cat <<'EOF' > job-pod-failure-policy-failjob.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: job-pod-failure-policy-failjob
spec:
  completions: 8
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh"]
        args:
        - -c
        - echo "Hello world! I'm going to exit with 42 to simulate a software bug." && sleep 30 && exit 42
  backoffLimit: 6
  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes:
        containerName: main
        operator: In
        values: [42]
EOF
kubectl create -f job-pod-failure-policy-failjob.yaml
sleep 10
kubectl get pods -l job-name=job-pod-failure-policy-failjob
sleep 25
kubectl get job job-pod-failure-policy-failjob -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\n"}{end}'
kubectl get job job-pod-failure-policy-failjob -o jsonpath='{.spec.podReplacementPolicy} failed={.status.failed}{"\n"}'
kubectl get jobs
kubectl describe job job-pod-failure-policy-failjob | tail -5
kubectl logs job/job-pod-failure-policy-failjob
kubectl delete jobs/job-pod-failure-policy-failjob

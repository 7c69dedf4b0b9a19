cat <<'EOF' > indexed.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: indexed
spec:
  completions: 4
  parallelism: 2
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: worker
        image: busybox:1.36
        command: ["sh", "-c", "echo processing item $JOB_COMPLETION_INDEX; sleep 10"]
EOF
kubectl apply -f indexed.yaml
sleep 5
kubectl get jobs
kubectl get pods -L batch.kubernetes.io/job-completion-index
kubectl get pod -l batch.kubernetes.io/job-completion-index=1 -o jsonpath='{.items[0].spec.hostname} {.items[0].metadata.annotations}{"\n"}'
sleep 10
kubectl get pods -L batch.kubernetes.io/job-completion-index
kubectl get job indexed -o jsonpath='{.status.completedIndexes} {.status.succeeded} {.status.active}{"\n"}'
sleep 15
kubectl get jobs
kubectl describe job indexed
kubectl logs indexed-0-9cv42
kubectl logs $(kubectl get pods -l batch.kubernetes.io/job-completion-index=3 -o name)
kubectl get pod indexed-3-4pprl -o jsonpath='{.spec.containers[0].env}{"\n"}'
cat <<'EOF' > no-completions.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: no-completions
spec:
  completionMode: Indexed
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: worker
        image: busybox:1.36
EOF
kubectl apply -f no-completions.yaml

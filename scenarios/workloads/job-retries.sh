cat <<EOF > flaky.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: flaky
spec:
  backoffLimit: 2
  template:
    spec:
      containers:
      - name: worker
        image: busybox:1.36
        command: ["sh", "-c", "echo connecting to the database; exit 1"]
      restartPolicy: Never
EOF
kubectl apply -f flaky.yaml
sleep 5
kubectl get pods
kubectl logs job/flaky
sleep 10
kubectl get pods
sleep 25
kubectl get pods
kubectl get jobs
kubectl describe job flaky
kubectl get job flaky -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\n"}{end}'
kubectl get events --field-selector involvedObject.kind=Job
kubectl delete job flaky
sleep 2
kubectl get pods
cat <<EOF > onfailure.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: restarts
spec:
  backoffLimit: 3
  template:
    spec:
      containers:
      - name: worker
        image: busybox:1.36
        command: ["sh", "-c", "exit 2"]
      restartPolicy: OnFailure
EOF
kubectl apply -f onfailure.yaml
sleep 90
kubectl get jobs
kubectl get pods
kubectl describe job restarts | tail -5

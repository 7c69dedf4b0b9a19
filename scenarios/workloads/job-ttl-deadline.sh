cat <<'EOF' > cleanup.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: cleanup
spec:
  ttlSecondsAfterFinished: 30
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: cleanup
        image: busybox:1.36
        command: ["sh", "-c", "echo removing temporary files"]
EOF
kubectl apply -f cleanup.yaml
kubectl wait --for=condition=complete job/cleanup
kubectl get jobs,pods
kubectl describe job cleanup | grep TTL
sleep 31
kubectl get jobs,pods
cat <<'EOF' > slow.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: slow
spec:
  activeDeadlineSeconds: 20
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: slow
        image: busybox:1.36
        command: ["sleep", "300"]
EOF
kubectl apply -f slow.yaml
sleep 10
kubectl get job slow
sleep 12
kubectl get job slow
kubectl get pods
kubectl get job slow -o jsonpath='{.status.active} {.status.terminating} {.status.failed}{"\n"}'
sleep 30
kubectl get job slow
kubectl get pods
kubectl describe job slow | tail -6
kubectl get job slow -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\n"}{end}'
kubectl create job paused --image=busybox:1.36 -- sleep 20
kubectl patch job paused --type=merge -p '{"spec":{"suspend":true}}'
sleep 2
kubectl get job paused
kubectl get pods -l job-name=paused
kubectl patch job paused --type=merge -p '{"spec":{"suspend":false}}'
sleep 2
kubectl get job paused
kubectl get pods -l job-name=paused
kubectl describe job paused | tail -6

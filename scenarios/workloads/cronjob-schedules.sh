kubectl create cronjob bad --image=busybox:1.36 --schedule="61 * * * *"
kubectl create cronjob bad --image=busybox:1.36 --schedule="*/5 * * *"
kubectl create cronjob bad --image=busybox:1.36 --schedule="CRON_TZ=UTC */5 * * * *"
kubectl create cronjob ticker --image=busybox:1.36 --schedule="* * * * *" -- date
kubectl patch cronjob ticker -p '{"spec":{"suspend":true}}'
cat <<'EOF' > replace.yaml
apiVersion: batch/v1
kind: CronJob
metadata:
  name: sync
spec:
  schedule: "*/5 * * * *"
  concurrencyPolicy: Replace
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: sync
            image: busybox:1.36
            command: ["sh", "-c", "echo syncing; sleep 600"]
EOF
kubectl apply -f replace.yaml
sleep 6m
kubectl get jobs
sleep 5m
kubectl get jobs
kubectl get pods
kubectl describe cronjob sync | tail -5
sleep 1h
sleep 1h
kubectl patch cronjob ticker -p '{"spec":{"suspend":false}}'
sleep 5
kubectl get cronjob ticker
kubectl get jobs
kubectl get events --field-selector involvedObject.name=ticker

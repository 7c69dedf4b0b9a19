kubectl create cronjob hello --image=busybox:1.36 --schedule="*/15 * * * *" -- sh -c 'date; echo Hello from the Kubernetes cluster'
cat <<'EOF' > report.yaml
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "*/10 * * * *"
  timeZone: Asia/Seoul
  concurrencyPolicy: Forbid
  startingDeadlineSeconds: 120
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: report
            image: busybox:1.36
            command: ["sh", "-c", "echo building the report; sleep 900"]
EOF
kubectl apply -f report.yaml
kubectl get cronjobs
sleep 16m
kubectl get cronjobs
kubectl get jobs
kubectl logs job/hello-29278635
sleep 45m
kubectl get cronjobs
kubectl get jobs
kubectl get pods
kubectl describe cronjob report
kubectl get events --field-selector involvedObject.name=hello
kubectl get job report-29278630 -o jsonpath='{.metadata.annotations}{"\n"}{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}{"\n"}'
kubectl patch cronjob hello -p '{"spec":{"suspend":true}}'
sleep 15m
kubectl get cronjob hello
kubectl get jobs --sort-by=.metadata.creationTimestamp

kubectl create cronjob tick --image=busybox:1.36 --schedule="@hourly" -- sh -c 'echo tick'
kubectl get cronjob tick
kubectl get cronjob tick -o jsonpath='{.spec.schedule} {.spec.concurrencyPolicy} {.spec.successfulJobsHistoryLimit} {.spec.failedJobsHistoryLimit}{"\n"}'
sleep 59m
kubectl get jobs
sleep 2m
kubectl get cronjob tick
kubectl get jobs
kubectl logs job/tick-29278680
sleep 1h
kubectl get cronjob tick
kubectl get jobs
kubectl get pods
kubectl get job tick-29278740 -o jsonpath='{.metadata.annotations}{"\n"}'
kubectl get events --field-selector involvedObject.name=tick

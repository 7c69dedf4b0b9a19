cat <<EOF > job.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl",  "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: Never
  backoffLimit: 4
EOF
kubectl apply -f job.yaml
kubectl get jobs
kubectl wait --for=condition=complete --timeout=300s job/pi
kubectl get jobs
kubectl describe job pi
pods=$(kubectl get pods --selector=batch.kubernetes.io/job-name=pi --output=jsonpath='{.items[*].metadata.name}')
echo $pods
kubectl get pods
kubectl logs jobs/pi
kubectl get job pi -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\n"}{end}'
kubectl get pod $pods -o jsonpath='{.metadata.finalizers}{"|"}{.metadata.labels}{"\n"}'

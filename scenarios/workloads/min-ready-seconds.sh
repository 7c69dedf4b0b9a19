cat <<EOF > web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  minReadySeconds: 30
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
EOF
kubectl apply -f web.yaml
sleep 10
kubectl get deploy web
kubectl get rs
sleep 15
kubectl get deploy web
sleep 10
kubectl get deploy web
kubectl get deploy web -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason}: {.message}{"\n"}{end}'
kubectl set image deployment/web web=nginx:1.28
sleep 10
kubectl get deploy web
kubectl get rs
sleep 30
kubectl get deploy web
kubectl get rs
sleep 60
kubectl get deploy web
kubectl get rs
kubectl describe deploy web | grep -E 'MinReadySeconds|Replicas:'

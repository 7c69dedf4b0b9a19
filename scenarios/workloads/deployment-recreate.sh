cat <<EOF > web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  strategy:
    type: Recreate
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
sleep 15
kubectl get deploy,rs
kubectl set image deployment/web web=nginx:1.28
kubectl get rs
kubectl get pods
sleep 1
kubectl get pods
sleep 30
kubectl get pods
kubectl get deploy,rs
kubectl rollout status deployment/web
kubectl describe deployment web
kubectl get events --field-selector involvedObject.name=web

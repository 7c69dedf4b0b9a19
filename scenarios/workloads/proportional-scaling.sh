cat <<EOF > nginx-deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
spec:
  replicas: 10
  strategy:
    rollingUpdate:
      maxSurge: 3
      maxUnavailable: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
EOF
kubectl apply -f nginx-deployment.yaml
sleep 30
kubectl get deploy nginx-deployment
kubectl set image deployment/nginx-deployment nginx=nginx:sometag
sleep 10
kubectl get rs
kubectl scale deployment/nginx-deployment --replicas=15
sleep 5
kubectl get deploy nginx-deployment
kubectl get rs
kubectl get rs -o custom-columns='NAME:.metadata.name,DESIRED:.spec.replicas,DESIRED-ANNOTATION:.metadata.annotations.deployment\.kubernetes\.io/desired-replicas,MAX:.metadata.annotations.deployment\.kubernetes\.io/max-replicas'
kubectl rollout undo deployment/nginx-deployment
sleep 40
kubectl get rs

cat <<EOF > web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
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
sed -i 's/nginx:1.27/nginx:1.28/' web.yaml 2>/dev/null || true
cat <<EOF > web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
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
        image: nginx:1.28
EOF
kubectl apply -f web.yaml
kubectl get rs
sleep 1
kubectl get pods
sleep 30
kubectl get deploy,rs
kubectl get events --field-selector involvedObject.name=web

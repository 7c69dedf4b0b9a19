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
kubectl get deploy web -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason}: {.message}{"\n"}{end}'
sleep 1
kubectl get pods
kubectl get deploy web -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason}: {.message}{"\n"}{end}'
sleep 30
kubectl get deploy,rs
kubectl get deploy web -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason}: {.message}{"\n"}{end}'
kubectl describe deploy web | grep -A4 Conditions
kubectl get events --field-selector involvedObject.name=web

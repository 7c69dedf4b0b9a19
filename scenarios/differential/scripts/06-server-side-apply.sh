# Server-side apply: kubectl sends the manifest as application/apply-patch+yaml with its field
# manager; the server merges it, records who owns which field in metadata.managedFields, refuses a
# change to a field another manager owns (409 Conflict) unless forced, and removes the fields an
# applier stops naming.
cat <<EOF2 > web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
EOF2
kubectl apply -f web.yaml
sleep 10
kubectl get deployment web -o yaml --show-managed-fields
sed -i 's/replicas: 2/replicas: 3/' web.yaml
kubectl apply --server-side --field-manager=ops -f web.yaml
kubectl apply --server-side --field-manager=ops --force-conflicts -f web.yaml
kubectl get deployment web -o jsonpath='{.spec.replicas}{"\n"}{range .metadata.managedFields[*]}{.manager}/{.operation}{"\n"}{end}'
kubectl apply --server-side -f web.yaml --dry-run=client
kubectl apply -f web.yaml --force-conflicts
cat <<EOF2 > cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  color: blue
  size: large
EOF2
kubectl apply --server-side -f cm.yaml
kubectl apply --server-side -f cm.yaml -o name
kubectl get configmap settings -o yaml --show-managed-fields
cat <<EOF2 > cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  color: red
EOF2
kubectl apply --server-side -f cm.yaml
kubectl get configmap settings -o json --show-managed-fields
kubectl get configmap settings -o yaml
kubectl label configmap settings tier=backend
kubectl get configmap settings -o jsonpath='{range .metadata.managedFields[*]}{.manager} {.operation} {.fieldsV1}{"\n"}{end}'
kubectl apply --server-side --field-manager=other -f cm.yaml --dry-run=server
kubectl create deployment api --image=nginx:1.27 --replicas=1
sleep 10
kubectl get deployment api -o yaml --show-managed-fields
kubectl scale deployment api --replicas=2
kubectl get deployment api -o jsonpath='{range .metadata.managedFields[*]}{.manager} {.operation} {.subresource} {.fieldsV1}{"\n"}{end}'
kubectl run solo --image=nginx:1.27 --labels=app=solo
sleep 10
kubectl get pod solo -o yaml --show-managed-fields
# From client-side to server-side apply with the default manager: kubectl keeps the last-applied
# annotation under a "kubectl-last-applied" applier and folds the client-side manager into its own.
cat <<EOF2 > flags.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: flags
data:
  debug: "false"
EOF2
kubectl apply -f flags.yaml
kubectl apply --server-side -f flags.yaml
kubectl get configmap flags -o yaml --show-managed-fields

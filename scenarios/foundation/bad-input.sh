kubectl get pods
kubectl get pdos
kubectl get pods --bogus
kubectl gte pods
kubectl get
cat <<EOF > bad-name.yaml
apiVersion: v1
kind: Pod
metadata:
  name: My_Pod
spec:
  containers:
  - name: web
    image: nginx
EOF
kubectl apply -f bad-name.yaml
cat <<EOF > no-image.yaml
apiVersion: v1
kind: Pod
metadata:
  name: no-image
spec:
  containers:
  - name: web
EOF
kubectl apply -f no-image.yaml
cat <<EOF > broken.yaml
apiVersion: v1
kind: Pod
metadata:
  name: broken
   labels:
    app: web
EOF
kubectl apply -f broken.yaml
cat <<EOF > other-ns.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: nowhere
EOF
kubectl apply -f other-ns.yaml
kubectl apply -f missing.yaml
kubectl delete pod ghost
kubectl describe deployment ghost
kubectl get pods -l 'app in (web'
kubectl get pods --field-selector spec.image=nginx
kubectl get pods
kubectl get all

cat <<EOF > ssd.yaml
apiVersion: v1
kind: Pod
metadata:
  name: on-ssd
spec:
  nodeSelector:
    disktype: ssd
  containers:
  - name: web
    image: nginx:1.27
EOF
kubectl apply -f ssd.yaml
kubectl get pod on-ssd -o wide
cat <<EOF > cp.yaml
apiVersion: v1
kind: Pod
metadata:
  name: on-control-plane
spec:
  nodeName: kind-control-plane
  containers:
  - name: web
    image: nginx:1.27
EOF
kubectl apply -f cp.yaml
kubectl get pods -o wide
kubectl describe pod on-ssd | tail -4

kubectl taint nodes kind-worker2 dedicated=gpu:NoSchedule
cat <<EOF > plain.yaml
apiVersion: v1
kind: Pod
metadata:
  name: plain
spec:
  containers:
  - name: web
    image: nginx:1.27
EOF
kubectl apply -f plain.yaml
cat <<EOF > tolerant.yaml
apiVersion: v1
kind: Pod
metadata:
  name: tolerant
spec:
  nodeSelector:
    kubernetes.io/hostname: kind-worker2
  tolerations:
  - key: dedicated
    operator: Equal
    value: gpu
    effect: NoSchedule
  containers:
  - name: web
    image: nginx:1.27
EOF
kubectl apply -f tolerant.yaml
cat <<EOF > intolerant.yaml
apiVersion: v1
kind: Pod
metadata:
  name: intolerant
spec:
  nodeSelector:
    kubernetes.io/hostname: kind-worker2
  containers:
  - name: web
    image: nginx:1.27
EOF
kubectl apply -f intolerant.yaml
sleep 10
kubectl get pods -o wide
kubectl describe pod intolerant | tail -4
kubelab explain pod/intolerant
kubectl taint nodes kind-worker2 dedicated:NoSchedule-
sleep 5
kubectl get pod intolerant -o wide

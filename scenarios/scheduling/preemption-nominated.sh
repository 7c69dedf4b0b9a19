cat <<EOF > low.yaml
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: medium
value: 500
---
apiVersion: v1
kind: Pod
metadata:
  name: low-a
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "6"
---
apiVersion: v1
kind: Pod
metadata:
  name: low-b
spec:
  priorityClassName: medium
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "6"
EOF
kubectl apply -f low.yaml
sleep 5
kubectl run filler --image=nginx:1.27 --overrides='{"spec":{"containers":[{"name":"filler","image":"nginx:1.27","resources":{"requests":{"cpu":"6"}}}]}}'
sleep 5
kubectl get pods -o wide
cat <<EOF > high.yaml
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 1000
---
apiVersion: v1
kind: Pod
metadata:
  name: important
spec:
  priorityClassName: high
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "6"
EOF
kubectl apply -f high.yaml
sleep 0.5
kubectl get pods -o wide
kubelab explain pod/filler
sleep 10
kubectl get pods -o wide
kubectl get events --field-selector involvedObject.name=filler
kubectl get events --field-selector reason=Preempted

cat <<EOF > classes.yaml
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: low
value: 100
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: medium
value: 500
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 1000
EOF
kubectl apply -f classes.yaml
cat <<EOF > victims.yaml
apiVersion: v1
kind: Pod
metadata:
  name: db
  labels:
    app: db
spec:
  priorityClassName: low
  nodeSelector:
    kubernetes.io/hostname: kind-worker
  containers:
  - name: db
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    resources:
      requests:
        cpu: "6"
---
apiVersion: v1
kind: Pod
metadata:
  name: batch
spec:
  priorityClassName: medium
  nodeSelector:
    kubernetes.io/hostname: kind-worker2
  containers:
  - name: batch
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    resources:
      requests:
        cpu: "6"
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: db
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: db
EOF
kubectl apply -f victims.yaml
sleep 10
kubectl get pods -o wide
kubectl get pdb db
cat <<EOF > urgent.yaml
apiVersion: v1
kind: Pod
metadata:
  name: urgent
spec:
  priorityClassName: high
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "6"
EOF
kubectl apply -f urgent.yaml
sleep 2
kubectl get pods -o wide
kubectl describe pod batch | grep -A7 Conditions
kubectl get pod batch -o jsonpath='{.status.conditions[?(@.type=="DisruptionTarget")]}{"\n"}'
kubectl get events --field-selector reason=Preempted
kubelab explain pod/urgent
sleep 40
kubectl get pods -o wide
kubectl describe pod urgent | tail -6
cat <<EOF > report.yaml
apiVersion: v1
kind: Pod
metadata:
  name: report
spec:
  priorityClassName: medium
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "6"
EOF
kubectl apply -f report.yaml
sleep 2
kubectl get pods -o wide
kubelab explain pod/report
sleep 40
kubectl get pods -o wide
kubectl get pdb db
cat <<EOF > late.yaml
apiVersion: v1
kind: Pod
metadata:
  name: late
spec:
  priorityClassName: low
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "6"
EOF
kubectl apply -f late.yaml
sleep 5
kubectl describe pod late | tail -2
kubelab explain pod/late

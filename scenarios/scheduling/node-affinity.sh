kubectl label nodes kind-worker disktype=ssd cores=8
kubectl label nodes kind-worker2 disktype=hdd cores=16
cat <<EOF > affinity.yaml
apiVersion: v1
kind: Pod
metadata:
  name: want-ssd
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - key: disktype
            operator: In
            values: ["ssd"]
  containers:
  - name: web
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: not-ssd
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - key: disktype
            operator: NotIn
            values: ["ssd"]
          - key: disktype
            operator: Exists
  containers:
  - name: web
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: many-cores
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - key: cores
            operator: Gt
            values: ["8"]
  containers:
  - name: web
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: huge-cores
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - key: cores
            operator: Gt
            values: ["32"]
  containers:
  - name: web
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: prefer-hdd
spec:
  affinity:
    nodeAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 80
        preference:
          matchExpressions:
          - key: disktype
            operator: In
            values: ["hdd"]
  containers:
  - name: web
    image: nginx:1.27
EOF
kubectl apply -f affinity.yaml
sleep 10
kubectl get pods -o wide
kubectl get events --field-selector involvedObject.name=huge-cores
kubelab explain pod/prefer-hdd

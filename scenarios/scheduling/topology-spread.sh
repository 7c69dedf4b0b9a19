cat <<EOF > spread.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: spread
spec:
  replicas: 4
  selector:
    matchLabels:
      app: spread
  template:
    metadata:
      labels:
        app: spread
    spec:
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: DoNotSchedule
        labelSelector:
          matchLabels:
            app: spread
      containers:
      - name: web
        image: nginx:1.27
EOF
kubectl apply -f spread.yaml
sleep 15
kubectl get pods -o wide
kubelab explain pod/$(kubectl get pods -o name | tail -1 | cut -d/ -f2)
cat <<EOF > honor.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: honor
spec:
  replicas: 4
  selector:
    matchLabels:
      app: honor
  template:
    metadata:
      labels:
        app: honor
    spec:
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: DoNotSchedule
        nodeTaintsPolicy: Honor
        labelSelector:
          matchLabels:
            app: honor
      containers:
      - name: web
        image: nginx:1.27
EOF
kubectl apply -f honor.yaml
sleep 15
kubectl get pods -l app=honor -o wide
kubectl label nodes kind-worker zone=zone-a
cat <<EOF > zonal.yaml
apiVersion: v1
kind: Pod
metadata:
  name: zonal
  labels:
    app: zonal
spec:
  topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: zone
    whenUnsatisfiable: DoNotSchedule
    labelSelector:
      matchLabels:
        app: zonal
  containers:
  - name: web
    image: nginx:1.27
EOF
kubectl apply -f zonal.yaml
sleep 5
kubectl get pod zonal -o wide
kubelab explain pod/zonal
kubectl label nodes kind-worker zone-
kubectl delete pod zonal
kubectl apply -f zonal.yaml
sleep 5
kubectl describe pod zonal | tail -3

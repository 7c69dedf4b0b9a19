cat <<EOF > ds.yaml
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
      - name: agent
        image: busybox:1.36
        command: ["sleep", "infinity"]
EOF
cat <<EOF > orphan.yaml
apiVersion: apps/v1
kind: ControllerRevision
metadata:
  name: agent-old
  labels:
    app: agent
data:
  spec:
    template:
      metadata:
        labels:
          app: agent
      spec:
        containers:
        - name: agent
          image: busybox:1.35
revision: 1
EOF
kubectl apply -f orphan.yaml
kubectl run stray --image=busybox:1.36 --labels=app=agent -- sleep infinity
sleep 5
kubectl get pods -o wide
kubectl get controllerrevisions
kubectl apply -f ds.yaml
sleep 5
kubectl get pods -o wide
kubectl get pod stray -o jsonpath='{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}{"\n"}'
sleep 60
kubectl get pods -o wide
kubectl get controllerrevisions
kubectl get controllerrevision agent-old -o jsonpath='{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.metadata.labels}{"\n"}'
kubectl label controllerrevision agent-old app=other --overwrite
sleep 2
kubectl get controllerrevisions

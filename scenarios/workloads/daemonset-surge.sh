cat <<EOF > agent.yaml
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
      - name: agent
        image: busybox:1.36
        command: ["sh", "-c", "sleep 3600"]
EOF
kubectl apply -f agent.yaml
kubectl rollout status ds/agent
kubectl set image ds/agent agent=busybox:1.37
kubectl get pods -l app=agent -o custom-columns=NODE:.spec.nodeName,IMAGE:.spec.containers[0].image,DELETING:.metadata.deletionTimestamp --sort-by=.spec.nodeName
kubectl get ds agent
kubectl rollout status ds/agent
kubectl get ds agent
kubectl get controllerrevisions -l app=agent -o custom-columns=NAME:.metadata.name,REVISION:.revision
kubectl set image ds/agent agent=busybox:1.99
sleep 60
kubectl get pods -l app=agent -o custom-columns=NODE:.spec.nodeName,IMAGE:.spec.containers[0].image,STATUS:.status.containerStatuses[0].state.waiting.reason --sort-by=.spec.nodeName
kubectl get ds agent
kubectl rollout undo ds/agent
kubectl rollout status ds/agent
sleep 35
kubectl get pods -l app=agent -o custom-columns=NODE:.spec.nodeName,IMAGE:.spec.containers[0].image --sort-by=.spec.nodeName

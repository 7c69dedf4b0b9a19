cat <<EOF > agent.yaml
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
        command: ["sh", "-c", "sleep 3600"]
EOF
kubectl apply -f agent.yaml
sleep 20
kubectl get ds agent
kubectl get pods -l app=agent -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,GEN:.metadata.labels.pod-template-generation
kubectl set image ds/agent agent=busybox:1.37
kubectl rollout status ds/agent
kubectl get ds agent
kubectl get ds agent -o jsonpath='{.metadata.annotations.deprecated\.daemonset\.template\.generation}{"\n"}'
kubectl get pods -l app=agent -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,IMAGE:.spec.containers[0].image,GEN:.metadata.labels.pod-template-generation
kubectl get events --field-selector involvedObject.name=agent -o custom-columns=REASON:.reason,MESSAGE:.message

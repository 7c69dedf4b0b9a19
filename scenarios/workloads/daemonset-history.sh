cat <<EOF > agent.yaml
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  revisionHistoryLimit: 2
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      containers:
      - name: agent
        image: busybox:1.36
        command: ["sh", "-c", "sleep 3600"]
EOF
kubectl apply -f agent.yaml
kubectl rollout history ds/agent
kubectl rollout status ds/agent
kubectl get controllerrevisions -l app=agent
kubectl annotate ds/agent kubernetes.io/change-cause='busybox 1.37'
kubectl set image ds/agent agent=busybox:1.37
kubectl rollout status ds/agent
kubectl get ds agent
kubectl rollout history ds/agent
kubectl rollout history ds/agent --revision=2
kubectl rollout history ds/agent --revision=7
sleep 35
kubectl get controllerrevisions -l app=agent -o custom-columns=NAME:.metadata.name,REVISION:.revision,HASH:.metadata.labels.controller-revision-hash
kubectl get pods -l app=agent -o custom-columns=NODE:.spec.nodeName,IMAGE:.spec.containers[0].image,HASH:.metadata.labels.controller-revision-hash,GEN:.metadata.labels.pod-template-generation --sort-by=.spec.nodeName
kubectl rollout undo ds/agent
kubectl rollout status ds/agent
kubectl rollout history ds/agent
sleep 35
kubectl get pods -l app=agent -o custom-columns=NODE:.spec.nodeName,IMAGE:.spec.containers[0].image,HASH:.metadata.labels.controller-revision-hash,GEN:.metadata.labels.pod-template-generation --sort-by=.spec.nodeName
kubectl rollout undo ds/agent --to-revision=3
kubectl rollout undo ds/agent --to-revision=9
kubectl annotate ds/agent kubernetes.io/change-cause='busybox 1.36.1' --overwrite
kubectl set image ds/agent agent=busybox:1.36.1
kubectl rollout status ds/agent
sleep 35
kubectl annotate ds/agent kubernetes.io/change-cause='busybox 1.28' --overwrite
kubectl set image ds/agent agent=busybox:1.28
kubectl rollout status ds/agent
kubectl get controllerrevisions -l app=agent -o custom-columns=NAME:.metadata.name,REVISION:.revision
kubectl rollout history ds/agent
kubectl rollout undo ds/agent --to-revision=2
kubectl rollout undo ds/agent --to-revision=3 --dry-run=client
kubectl rollout pause ds/agent

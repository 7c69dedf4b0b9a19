# kubelab: --empty
cat <<EOF > four-nodes.yaml
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
- role: control-plane
- role: worker
- role: worker
- role: worker
EOF
kind create cluster --config four-nodes.yaml
kubectl create deployment web --image=nginx --replicas=6
sleep 30
docker stop kind-worker kind-worker2
sleep 55
kubectl get nodes
kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints[*].key,EFFECTS:.spec.taints[*].effect
sleep 10
kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints[*].key,EFFECTS:.spec.taints[*].effect
docker stop kind-worker3
sleep 60
kubectl get nodes
kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints[*].key,EFFECTS:.spec.taints[*].effect
sleep 5m
kubectl get pods -o wide
docker start kind-worker kind-worker2 kind-worker3
sleep 30
kubectl get nodes
kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints[*].key
kubectl get pods -o wide

# kubelab: --empty
cat <<EOF > multi.yaml
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
name: lab
nodes:
- role: control-plane
- role: worker
- role: worker
- role: worker
EOF
kind create cluster --config multi.yaml
kubectl get nodes
kind get nodes --name lab
cat <<EOF > bad.yaml
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
- role: master
EOF
kind create cluster --name bad --config bad.yaml
kind create cluster --config missing.yaml
kubectl label node lab-worker topology.kubernetes.io/zone=zone-a
kubectl get nodes -L topology.kubernetes.io/zone
kind delete cluster --name lab

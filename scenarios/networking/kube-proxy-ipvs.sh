# kubelab: --empty
cat <<EOF > ipvs.yaml
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
networking:
  kubeProxyMode: ipvs
nodes:
- role: control-plane
- role: worker
EOF
kind create cluster --config ipvs.yaml
kubectl create deployment web --image=registry.k8s.io/e2e-test-images/agnhost:2.39 --replicas=3 -- /agnhost serve-hostname --http=true --port=8080
kubectl expose deployment web --port=80 --target-port=8080 --type=NodePort
kubectl rollout status deployment web --timeout=60s
kubectl run client --image=busybox:1.36 --restart=Never -- sleep 3600
kubectl wait --for=condition=ready pod client
kubectl exec client -- wget -qO- web
kubectl exec client -- wget -qO- web
kubectl exec client -- wget -qO- web
kubectl exec client -- wget -qO- web
docker exec -it kind-worker bash
ipvsadm -Ln
apt-get install -y ipvsadm
apt-get update
apt-get install -y ipvsadm
ipvsadm -Ln
iptables-save -t nat
iptables -t nat -S KUBE-SERVICES
exit
cat <<EOF > bad.yaml
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
networking:
  kubeProxyMode: userspace
EOF
kind create cluster --name bad --config bad.yaml

# kubelab: --empty
touch ~/.kube/single-config
export KUBECONFIG=~/.kube/single-config
kind create cluster --name single-cluster
mkdir -p ~/workspace/kind-single-test
echo "export KUBECONFIG=~/.kube/single-config" >> ~/workspace/kind-single-test/.envrc
direnv allow ~/workspace/kind-single-test
cd ~/workspace/kind-single-test
kubectl cluster-info
kubectl get nodes
kubectl describe node single-cluster-control-plane
cat <<EOF > nginx-pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: nginx-pod
spec:
  containers:
  - name: nginx
    image: nginx:alpine
EOF
kubectl apply -f nginx-pod.yaml
kubectl get pods -o wide
docker ps
cd
kind delete clusters single-cluster
rm ~/.kube/single-config
rm -rf ~/workspace/kind-single-test
kind get clusters

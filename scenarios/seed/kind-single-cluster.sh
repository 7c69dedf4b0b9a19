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
kubectl describe node single-cluster-control-plane
cat <<EOF > nginx-deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:alpine
EOF
kubectl apply -f nginx-deployment.yaml
sleep 10
kubectl get deployments
kubectl get pods -l app=nginx
kubectl delete pod $(kubectl get pods -l app=nginx -o jsonpath='{.items[0].metadata.name}')
kubectl get pods -l app=nginx
cat <<EOF > nginx-service.yaml
apiVersion: v1
kind: Service
metadata:
  name: nginx-service
spec:
  selector:
    app: nginx
  ports:
  - protocol: TCP
    port: 80
    targetPort: 80
EOF
kubectl apply -f nginx-service.yaml
sleep 5
kubectl get services
kubectl get endpoints
kubectl run test-pod --rm -it --image=busybox -- /bin/sh
wget -qO- nginx-service
exit
docker ps
docker exec -it single-cluster-control-plane /bin/bash
journalctl -u kubelet | tail -5
exit
k get pod -A
k get all
k get all -A
cd
kind delete clusters single-cluster
rm ~/.kube/single-config
rm -rf ~/workspace/kind-single-test
kind get clusters

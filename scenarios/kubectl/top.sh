# kubelab: --seed 6
kubectl top node
kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml
sleep 1m
kubectl get pods -n kube-system -l k8s-app=metrics-server
kubectl get apiservice v1beta1.metrics.k8s.io
kubectl top node
kubectl top pod -A
kubectl logs -n kube-system deployment/metrics-server --tail=3
kubectl patch -n kube-system deployment metrics-server --type=json -p '[{"op":"add","path":"/spec/template/spec/containers/0/args/-","value":"--kubelet-insecure-tls"}]'
kubectl rollout status -n kube-system deployment metrics-server
kubectl get apiservice v1beta1.metrics.k8s.io
kubectl api-versions | grep metrics
kubectl create deployment web --image=nginx --replicas=2
sleep 30
kubectl top pod
sleep 30
kubectl top node
kubectl top node --sort-by=memory --no-headers
kubectl top pod
kubectl top pod -l app=web --containers
kubectl top pod -A --sort-by=cpu
kubectl top pod nothere
kubectl get --raw /apis/metrics.k8s.io/v1beta1/nodes/kind-worker
kubectl get --raw /apis/metrics.k8s.io/v1beta1/namespaces/kube-system/pods/etcd-kind-control-plane

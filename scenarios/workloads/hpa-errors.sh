# kubelab: --seed 7
kubectl create deployment web --image=nginx
kubectl autoscale deployment web --cpu=50% --max=3
sleep 20
kubectl describe hpa web
kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml
kubectl patch -n kube-system deployment metrics-server --type=json -p '[{"op":"add","path":"/spec/template/spec/containers/0/args/-","value":"--kubelet-insecure-tls"}]'
kubectl rollout status -n kube-system deployment metrics-server
sleep 30
kubectl get hpa web
kubectl get hpa web -o jsonpath='{.status.conditions[?(@.type=="ScalingActive")].message}{"\n"}'
kubectl autoscale deployment web --name=web-memory --memory=2Mi --max=4
sleep 30
kubectl get hpa
kubectl get hpa web-memory -o jsonpath='{.status.conditions[?(@.type=="ScalingActive")].message}{"\n"}'
kubectl delete hpa web
sleep 30
kubectl get hpa
kubectl get deployment web

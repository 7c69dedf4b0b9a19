# kubelab: --seed 5
kubectl apply -f https://k8s.io/examples/application/php-apache.yaml
kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml
kubectl patch -n kube-system deployment metrics-server --type=json -p '[{"op":"add","path":"/spec/template/spec/containers/0/args/-","value":"--kubelet-insecure-tls"}]'
kubectl rollout status -n kube-system deployment metrics-server
kubectl autoscale deployment php-apache --cpu=50% --min=1 --max=10
kubectl get hpa
sleep 45
kubectl get hpa
kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"
sleep 30
kubectl get hpa php-apache
kubectl top pod -l app.kubernetes.io/name=php-apache
sleep 1m
kubectl get hpa php-apache
sleep 1m
kubectl get hpa php-apache
kubectl get deployment php-apache
kubectl describe hpa php-apache
kubectl delete pod load-generator
sleep 2m
kubectl get hpa php-apache
sleep 4m
kubectl get hpa php-apache
kubectl get deployment php-apache
kubectl get events --field-selector involvedObject.kind=HorizontalPodAutoscaler

# kubelab: --empty
curl localhost/foo
echo $?
cat <<EOF | kind create cluster --config=-
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
- role: control-plane
  extraPortMappings:
  - containerPort: 80
    hostPort: 80
    protocol: TCP
  - containerPort: 443
    hostPort: 443
    protocol: TCP
EOF
docker ps
docker inspect -f '{{json .NetworkSettings.Ports}}' kind-control-plane
curl localhost/foo
echo $?
kubectl apply -f https://kind.sigs.k8s.io/examples/ingress/deploy-ingress-nginx.yaml
kubectl wait --namespace ingress-nginx \
  --for=condition=ready pod \
  --selector=app.kubernetes.io/component=controller \
  --timeout=90s
kubectl get pods -n ingress-nginx
kubectl describe pod -n ingress-nginx -l app.kubernetes.io/component=controller | grep FailedMount
kubectl get svc,ingressclass -n ingress-nginx
kubectl get secret ingress-nginx-admission -n ingress-nginx
kubectl get validatingwebhookconfiguration ingress-nginx-admission -o jsonpath='{.webhooks[0].failurePolicy} {.webhooks[0].clientConfig.caBundle}' | cut -c1-10
curl localhost/foo
kubectl apply -f https://kind.sigs.k8s.io/examples/ingress/usage.yaml
kubectl wait --for=condition=ready pod foo-app bar-app
kubectl get ingress
curl localhost/foo
curl localhost/bar
curl localhost/foo/hostname
curl localhost/foobar
curl -s -o /dev/null -w '%{http_code}\n' localhost/
curl localhost:443/foo
curl https://localhost/foo
echo $?
curl -k https://localhost/bar
sleep 60
kubectl get ingress
kubectl get ingress example-ingress -o jsonpath='{.status.loadBalancer.ingress}{"\n"}'
kubectl describe ingress example-ingress
kubectl logs -n ingress-nginx job/ingress-nginx-admission-create

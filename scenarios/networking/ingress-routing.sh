# kubelab: --empty
cat <<EOF > kind.yaml
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
- role: control-plane
  kubeadmConfigPatches:
  - |
    kind: InitConfiguration
    nodeRegistration:
      kubeletExtraArgs:
        node-labels: "ingress-ready=true"
  extraPortMappings:
  - containerPort: 80
    hostPort: 8080
  - containerPort: 30080
    hostPort: 30080
  - containerPort: 9000
    hostPort: 9000
    listenAddress: 127.0.0.1
- role: worker
EOF
kind create cluster --name web --config kind.yaml
docker ps
kubectl get nodes -l ingress-ready=true
curl -s localhost:80
echo $?
kubectl apply -f https://kind.sigs.k8s.io/examples/ingress/deploy-ingress-nginx.yaml > /dev/null
kubectl -n ingress-nginx patch deployment ingress-nginx-controller -p '{"spec":{"template":{"spec":{"nodeSelector":{"ingress-ready":"true"}}}}}'
kubectl -n ingress-nginx rollout status deployment ingress-nginx-controller --timeout=90s
kubectl -n ingress-nginx get pods -l app.kubernetes.io/component=controller -o wide
kubectl create deployment web --image=registry.k8s.io/e2e-test-images/agnhost:2.39 --replicas=3 -- /agnhost serve-hostname --http=true --port=8080
kubectl expose deployment web --port=80 --target-port=8080
kubectl create deployment echo --image=hashicorp/http-echo -- /http-echo -text=hello-from-echo
kubectl expose deployment echo --port=5678
kubectl create service clusterip empty --tcp=80:80
cat <<EOF | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  rules:
  - host: web.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
  - http:
      paths:
      - path: /empty
        pathType: Exact
        backend:
          service:
            name: empty
            port:
              number: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: echo
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /\$2
spec:
  ingressClassName: nginx
  rules:
  - http:
      paths:
      - path: /echo(/|$)(.*)
        pathType: ImplementationSpecific
        backend:
          service:
            name: echo
            port:
              number: 5678
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: other-class
spec:
  ingressClassName: traefik
  rules:
  - http:
      paths:
      - path: /other
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
EOF
kubectl rollout status deployment web --timeout=60s
kubectl rollout status deployment echo --timeout=60s
curl -s -H 'Host: web.example.com' localhost:8080/anything; echo
curl -s -H 'Host: web.example.com' localhost:8080/anything; echo
curl -s -H 'Host: web.example.com' localhost:8080/anything; echo
curl -s -H 'Host: web.example.com' localhost:8080/anything; echo
curl -s -H 'Host: web.example.com' localhost:8080/anything; echo
curl -s -H 'Host: web.example.com' localhost:8080/anything; echo
curl -s -H 'Host: other.example.com' localhost:8080/ | grep title
curl -s localhost:8080/echo/some/path
curl -s -o /dev/null -w '%{http_code}\n' localhost:8080/empty
curl -s localhost:8080/empty
curl -s -o /dev/null -w '%{http_code}\n' localhost:8080/other
sleep 60
kubectl get ingress
kubectl patch service web -p '{"spec":{"type":"NodePort","ports":[{"port":80,"targetPort":8080,"nodePort":30080}]}}'
curl -s localhost:30080
echo
curl -s localhost:30080
echo
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: hostport
spec:
  nodeSelector:
    kubernetes.io/hostname: web-control-plane
  tolerations:
  - key: node-role.kubernetes.io/control-plane
    effect: NoSchedule
  containers:
  - name: nginx
    image: nginx
    ports:
    - containerPort: 80
      hostPort: 9000
EOF
kubectl wait --for=condition=ready pod hostport
curl -s 127.0.0.1:9000 | head -4
NODE_IP=$(kubectl get node web-control-plane -o jsonpath='{.status.addresses[0].address}')
curl -s $NODE_IP:9000 | grep title
cat <<EOF | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-deny
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes:
  - Ingress
EOF
curl -s -o /dev/null -w '%{http_code}\n' -H 'Host: web.example.com' localhost:8080/
cat <<EOF | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-from-ingress
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
  - from:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: ingress-nginx
EOF
curl -s -H 'Host: web.example.com' localhost:8080/; echo
kubectl -n ingress-nginx scale deployment ingress-nginx-controller --replicas=0
sleep 5
curl localhost:8080/echo
echo $?

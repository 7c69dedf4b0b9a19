kubectl create deployment nginx --image=nginx:1.27 --replicas=3
cat <<EOF2 | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: nginx-service
spec:
  selector:
    app: nginx
  ports:
  - port: 80
    targetPort: 80
EOF2
kubectl run client --image=busybox:1.36 -- sleep 3600
sleep 30
kubectl exec client -- wget -qO- nginx-service
kubectl exec -it client -- sh
wget -qO- nginx-service.default.svc.cluster.local | head -4
wget -O- http://nginx-service/nope
wget -qO- nope
nslookup nginx-service
cat /etc/resolv.conf
env | grep NGINX_SERVICE | sort
hostname
exit
kubectl exec client -- ls /nope
kubectl exec client -- bash
kubectl exec nope -- sh
kubectl scale deployment nginx --replicas=0
sleep 5
kubectl exec client -- wget -qO- nginx-service
cat <<EOF2 | kubectl apply -f -
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hostnames
spec:
  replicas: 3
  selector:
    matchLabels:
      app: hostnames
  template:
    metadata:
      labels:
        app: hostnames
    spec:
      containers:
      - name: hostnames
        image: registry.k8s.io/e2e-test-images/agnhost:2.53
        args: ["serve-hostname"]
---
apiVersion: v1
kind: Service
metadata:
  name: hostnames
spec:
  selector:
    app: hostnames
  ports:
  - port: 80
    targetPort: 9376
EOF2
sleep 30
kubectl get pods -l app=hostnames
kubectl exec -it client -- sh
wget -qO- hostnames; echo; wget -qO- hostnames; echo; wget -qO- hostnames; echo; wget -qO- hostnames; echo
wget -qO- hostnames; echo; wget -qO- hostnames; echo; wget -qO- hostnames; echo; wget -qO- hostnames; echo
exit

kubectl create deployment hello --image=nginx --replicas=2
kubectl expose deployment hello --type=NodePort --port=80
kubectl patch svc hello -p '{"spec":{"ports":[{"port":80,"nodePort":30080}]}}'
kubectl run client --image=busybox -- sleep 3600
sleep 20
kubectl get svc hello
kubectl get nodes -o custom-columns=NAME:.metadata.name,IP:.status.addresses[0].address
kubectl exec client -- wget -qO- -T 2 http://172.18.0.2:30080
kubectl exec client -- wget -qO- -T 2 http://172.18.0.4:30080
kubectl exec client -- wget -qO- -T 2 http://172.18.0.3:30081

kubectl create deployment web --image=nginx --replicas=3
cat <<EOF2 | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    nodePort: 30080
---
apiVersion: v1
kind: Service
metadata:
  name: nothing-behind
spec:
  selector:
    app: none
  ports:
  - name: http
    port: 8080
EOF2
sleep 20
docker exec -it kind-worker bash
iptables-save -t nat | grep -E "default/web"
iptables-save -t filter | grep "has no endpoints"
iptables -t nat -L KUBE-SERVICES -n
iptables -t nat -S KUBE-NODEPORTS
ip route
exit
kubectl scale deployment web --replicas=1
sleep 10
docker exec kind-worker iptables-save -t nat | grep "default/web ->"

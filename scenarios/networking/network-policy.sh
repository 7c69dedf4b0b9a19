kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl expose deployment web --port=80
kubectl run client --image=busybox:1.36 --labels=role=client -- sleep 3600
kubectl run other --image=busybox:1.36 -- sleep 3600
sleep 30
kubectl exec client -- wget -qO- -T 2 web | head -4
cat <<EOF2 | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
spec:
  podSelector: {}
  policyTypes:
  - Ingress
EOF2
kubectl get networkpolicy
kubectl exec client -- wget -qO- -T 2 web
echo "exit $?"
cat <<EOF2 | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-from-clients
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
  - from:
    - podSelector:
        matchLabels:
          role: client
    ports:
    - port: 80
EOF2
kubectl get netpol
kubectl describe networkpolicy web-from-clients default-deny-ingress
kubectl exec client -- wget -qO- -T 2 web | head -4
kubectl exec other -- wget -qO- -T 2 web
cat <<EOF2 | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: client-egress
spec:
  podSelector:
    matchLabels:
      role: client
  policyTypes:
  - Egress
  egress:
  - to:
    - ipBlock:
        cidr: 10.244.0.0/16
        except:
        - 10.244.0.0/24
EOF2
kubectl describe netpol client-egress
kubectl exec client -- wget -qO- -T 2 web
kubectl exec client -- wget -qO- -T 2 $(kubectl get pods -l app=web -o jsonpath='{.items[0].status.podIP}') | head -4
kubectl delete networkpolicy client-egress web-from-clients
kubectl exec other -- wget -qO- -T 2 web
kubectl delete networkpolicy default-deny-ingress
kubectl exec other -- wget -qO- -T 2 web | head -4

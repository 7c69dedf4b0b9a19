kubectl create namespace team-a
cat <<EOF | kubectl apply -n team-a -f -
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
spec:
  limits:
  - type: Container
    default:
      cpu: 500m
      memory: 256Mi
    defaultRequest:
      cpu: 250m
    max:
      cpu: "1"
EOF
kubectl get limitrange defaults -n team-a -o jsonpath='{.spec.limits[0].defaultRequest}{"\n"}'
kubectl describe limitrange defaults -n team-a
kubectl run web -n team-a --image=nginx
kubectl get pod web -n team-a -o jsonpath='{.spec.containers[0].resources}{"\n"}{.metadata.annotations.kubernetes\.io/limit-ranger}{"\n"}'
cat <<EOF | kubectl apply -n team-a -f -
apiVersion: v1
kind: Pod
metadata:
  name: greedy
spec:
  containers:
  - name: app
    image: nginx
    resources:
      limits:
        cpu: "2"
EOF
kubectl get pod greedy -n team-a
kubectl create quota compute -n team-a --hard=pods=3,requests.cpu=1,limits.memory=1Gi
sleep 1
kubectl get quota -n team-a
kubectl run second -n team-a --image=nginx
cat <<EOF | kubectl apply -n team-a -f -
apiVersion: v1
kind: Pod
metadata:
  name: third
spec:
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: 600m
EOF
kubectl describe quota compute -n team-a
kubectl create deployment more -n team-a --image=nginx --replicas=3
sleep 5
kubectl get deploy more -n team-a
kubectl get events -n team-a --field-selector reason=FailedCreate -o custom-columns=MESSAGE:.message | head -2
kubectl describe rs -n team-a
kubectl get deploy more -n team-a -o yaml
kubectl delete pod web -n team-a
sleep 15
kubectl get pods -n team-a
kubectl get quota compute -n team-a -o jsonpath='{.status.used}{"\n"}'
kubectl get rs -n team-a -o jsonpath='{.items[0].status.conditions[0].reason}{"\n"}'
kubectl scale deploy more -n team-a --replicas=2
sleep 2
kubectl get rs -n team-a -o jsonpath='{.items[0].status.conditions}{"\n"}'
kubectl get deploy more -n team-a -o jsonpath='{range .status.conditions[*]}{.type}={.status} {end}{"\n"}'
kubectl create quota objects -n team-a --hard=count/configmaps=2,services=1
sleep 1
kubectl create configmap one -n team-a
kubectl create configmap two -n team-a
kubectl create service clusterip api -n team-a --tcp=80
kubectl create service clusterip db -n team-a --tcp=5432
kubectl create namespace team-b
kubectl create quota cpu-only -n team-b --hard=requests.cpu=2
sleep 1
kubectl run bare -n team-b --image=nginx
kubectl run sized -n team-b --image=nginx --dry-run=server -o jsonpath='{.metadata.name}{"\n"}'

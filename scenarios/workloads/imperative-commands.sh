kubectl create deployment web --image=nginx --replicas=3
kubectl create deployment web --image=nginx
kubectl run sleeper --image=busybox -- sleep 3600
kubectl create namespace team-a
sleep 10
kubectl get pods -o wide
kubectl scale deployment web --replicas=5
kubectl scale deploy/web --replicas=2
sleep 5
kubectl get deploy
kubectl label pod sleeper tier=backend
kubectl label pod sleeper tier=frontend
kubectl label pod sleeper tier=frontend --overwrite
kubectl get pods --show-labels
kubectl label node kind-worker2 disktype=ssd
kubectl get nodes -l disktype=ssd

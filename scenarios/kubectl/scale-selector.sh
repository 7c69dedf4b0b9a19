# kubectl scale picks its objects by name, by -l or by --all; with none it says so.
kubectl create deployment web --image=nginx:1.27 --replicas=4
kubectl create deployment api --image=nginx:1.27
kubectl scale deployment --replicas=3
kubectl scale deployment -l app=nope --replicas=0
kubectl scale deployment -l app=web --replicas=2
kubectl scale deployment --all --replicas=1
kubectl get deployments

kubectl create deployment web --image=nginx --replicas=3
kubectl create pdb web-pdb --selector=app=web --max-unavailable=1
sleep 15
kubectl get pdb
kubectl get pdb web-pdb -o jsonpath='{.status.expectedPods} {.status.currentHealthy} {.status.desiredHealthy} {.status.disruptionsAllowed} {.status.conditions[0].reason}{"\n"}'
kubectl scale deployment web --replicas=5
sleep 15
kubectl get pdb web-pdb
kubectl create pdb half --selector=app=web --min-available=50%
sleep 2
kubectl get pdb half -o jsonpath='{.status.expectedPods} {.status.desiredHealthy} {.status.disruptionsAllowed}{"\n"}'
kubectl delete pdb half
kubectl run solo --image=nginx --labels=tier=solo
kubectl create pdb solo-pdb --selector=tier=solo --max-unavailable=0
sleep 10
kubectl get pdb solo-pdb
kubectl get events --field-selector involvedObject.name=solo-pdb -o custom-columns=TYPE:.type,REASON:.reason,SOURCE:.source.component
kubectl create pdb nobody --selector=app=nobody --min-available=1
sleep 2
kubectl describe pdb nobody
kubectl describe pdb web-pdb

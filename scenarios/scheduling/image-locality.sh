kubectl run warm --image=docker.io/library/python:3.12 --overrides='{"apiVersion":"v1","spec":{"nodeName":"kind-worker2"}}' -- sleep 3600
sleep 60
kubectl get pod warm -o wide
kubectl get events --field-selector involvedObject.name=warm
kubectl run cold --image=docker.io/library/python:3.12 -- sleep 3600
sleep 2
kubectl get pod cold -o wide
kubelab explain pod/cold
kubectl run short --image=python:3.12 -- sleep 3600
sleep 2
kubelab explain pod/short

# kubectl attach and kubectl run -it join the container's main process: exiting the shell ends the container.
kubectl run box --image=busybox -it -- sh
echo inside
exit 3
kubectl get pod box
sleep 15
kubectl get pod box
kubectl attach box -it
hostname
exit
kubectl attach box -c nope
kubectl attach
kubectl attach nope
kubectl run once --image=busybox -it --rm --restart=Never -- sh
exit 2
echo "rc=$?"
kubectl run ok --image=busybox -i --restart=Never -- sh
echo no terminal here
exit
echo "rc=$?"
kubectl get pod ok
